using ServicePro.Contracts.Modules;

namespace ServicePro.Modules.Requests;

/// <summary>Names the Requests module shares with the shell, its pages and tests: ids, routes, limits, settings.</summary>
public static class RequestsConstants
{
    /// <summary>The module id in <c>modules.config</c>; also the tile id and the navigation item id.</summary>
    public const string ModuleId = "requests";

    public const string Title = "Requests";

    public const string NavigationItemId = ModuleId;

    public const string TileId = ModuleId;

    public const string Icon = "TaskListLtr";

    /// <summary>Routes of the module's pages (relative to the shell's base address).</summary>
    public const string ListRoute = "/requests";

    public const string NewRoute = "/requests/new";

    public const string DetailsRoute = "/requests/{Number:int}";

    public const string NewPath = "requests/new";

    /// <summary>The module's style sheet, served from its wwwroot while the module is enabled.</summary>
    public const string StyleSheet = ModuleContent.PathPrefix + "/" + ModuleId + "/requests.css";

    public const int TitleMaxLength = 200;

    public const int DescriptionMaxLength = 10_000;

    public const int NoteMaxLength = 10_000;

    public const int RequesterMaxLength = 200;

    public const int UserNameMaxLength = 256;

    public const int DefaultPageSize = 25;

    public const int MaxPageSize = 100;

    public const int FilterTextMaxLength = 200;

    /// <summary>How many open requests the Workbench tile lists.</summary>
    public const int TileRequestCount = 5;

    /// <summary>Activity kinds, as the Activity Stream's <c>data-kind</c> shows them.</summary>
    public static class ActivityKinds
    {
        public const string Created = "created";
        public const string Status = "status";
        public const string Assignment = "assignment";
        public const string Note = "note";
        public const string Chat = "chat";
    }
}
