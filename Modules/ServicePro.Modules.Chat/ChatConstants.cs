using ServicePro.Contracts.Modules;

namespace ServicePro.Modules.Chat;

/// <summary>
/// The Chat module's names. The hub's wire names live in <see cref="ChatProtocol"/> (shared with clients); the members
/// here alias them, so that module code names everything through one class.
/// </summary>
public static class ChatConstants
{
    public const string ModuleId = "chat";

    /// <summary>The hub's route. The host accepts a bearer token as <c>access_token</c> query string under <c>/hubs</c>.</summary>
    public const string HubRoute = ChatProtocol.HubRoute;

    /// <summary>Where a non-browser client exchanges user name and password for a bearer token (a host endpoint).</summary>
    public const string TokenRoute = ChatProtocol.TokenRoute;

    public const int MaxMessageLength = ChatProtocol.MaxMessageLength;

    /// <summary>Where an attachment is downloaded (<c>/chat/attachments/{id}</c>).</summary>
    public const string AttachmentRoute = ChatProtocol.AttachmentRoute;

    /// <summary>The Workbench tile's id (<c>tile-chat</c>) and the Social item's id (<c>social-item-chat</c>).</summary>
    public const string TileId = ModuleId;

    public const string SocialItemId = ModuleId;

    public const string Title = "Chat";

    public const string Icon = "Chat";

    /// <summary>The Messages view: its navigation item id (<c>nav-messages</c>), title, icon and route.</summary>
    public const string MessagesItemId = "messages";

    public const string MessagesTitle = "Messages";

    public const string MessagesIcon = "Mail";

    public const string MessagesRoute = "/messages";

    /// <summary>The module's style sheet, served from its wwwroot while the module is enabled.</summary>
    public const string StyleSheet = ModuleContent.PathPrefix + "/" + ModuleId + "/chat.css";

    /// <summary>The attach button's, drag-and-drop's and paste's script (a JS module from the module's wwwroot).</summary>
    public const string AttachmentsScript = "./" + ModuleContent.PathPrefix + "/" + ModuleId + "/chat-attachments.js";

    /// <summary>Keyboard focus around the pop-ups: the invitation shortcut and where focus goes when a window closes.</summary>
    public const string FocusScript = "./" + ModuleContent.PathPrefix + "/" + ModuleId + "/chat-focus.js";

    /// <summary>The shortcut that takes the rep to a waiting invitation's Accept (chat-focus.js matches the same keys).</summary>
    public const string InvitationShortcut = "Alt+Shift+N";

    /// <summary>The text entry's script: names the fluent-textarea's inner textarea and ties it to the @ suggestions.</summary>
    public const string EntryScript = "./" + ModuleContent.PathPrefix + "/" + ModuleId + "/chat-entry.js";

    public static readonly TimeSpan MaxChatTime = ChatProtocol.MaxChatTime;

    /// <summary>Hub methods a client invokes.</summary>
    public static class Methods
    {
        public const string StartSession = ChatProtocol.Methods.StartSession;
        public const string GetSession = ChatProtocol.Methods.GetSession;
        public const string GetEntries = ChatProtocol.Methods.GetEntries;
        public const string Invite = ChatProtocol.Methods.Invite;
        public const string AcceptInvitation = ChatProtocol.Methods.AcceptInvitation;
        public const string DeclineInvitation = ChatProtocol.Methods.DeclineInvitation;
        public const string GetMyInvitations = ChatProtocol.Methods.GetMyInvitations;
        public const string GetMyLiveSessions = ChatProtocol.Methods.GetMyLiveSessions;
        public const string Typing = ChatProtocol.Methods.Typing;
        public const string SendMessage = ChatProtocol.Methods.SendMessage;
        public const string LeaveSession = ChatProtocol.Methods.LeaveSession;
        public const string PauseChatTime = ChatProtocol.Methods.PauseChatTime;
        public const string ResumeChatTime = ChatProtocol.Methods.ResumeChatTime;
        public const string SetChatTime = ChatProtocol.Methods.SetChatTime;
        public const string SetPresence = ChatProtocol.Methods.SetPresence;
        public const string GetPresence = ChatProtocol.Methods.GetPresence;
        public const string GetMySessions = ChatProtocol.Methods.GetMySessions;
        public const string UploadAttachment = ChatProtocol.Methods.UploadAttachment;
    }

    /// <summary>Events the hub sends to clients (the methods of <see cref="IChatClient"/>).</summary>
    public static class Events
    {
        public const string EntryAdded = ChatProtocol.Events.EntryAdded;
        public const string OffTheRecordSelected = ChatProtocol.Events.OffTheRecordSelected;
        public const string InvitationReceived = ChatProtocol.Events.InvitationReceived;
        public const string InvitationClosed = ChatProtocol.Events.InvitationClosed;
        public const string ChatTimeChanged = ChatProtocol.Events.ChatTimeChanged;
        public const string SessionEnded = ChatProtocol.Events.SessionEnded;
        public const string PresenceChanged = ChatProtocol.Events.PresenceChanged;
        public const string PresenceBatch = ChatProtocol.Events.PresenceBatch;
        public const string UserTyping = ChatProtocol.Events.UserTyping;
    }

    /// <summary>Error codes: a refused call fails with a hub error whose message is <c>CODE: explanation</c>.</summary>
    public static class Errors
    {
        public const string ModuleDisabled = ChatProtocol.Errors.ModuleDisabled;
        public const string SessionNotFound = ChatProtocol.Errors.SessionNotFound;
        public const string SessionEnded = ChatProtocol.Errors.SessionEnded;
        public const string NotAttendee = ChatProtocol.Errors.NotAttendee;
        public const string NotOriginator = ChatProtocol.Errors.NotOriginator;
        public const string RequestNotFound = ChatProtocol.Errors.RequestNotFound;
        public const string UserNotFound = ChatProtocol.Errors.UserNotFound;
        public const string UserOffline = ChatProtocol.Errors.UserOffline;
        public const string AlreadyInvited = ChatProtocol.Errors.AlreadyInvited;
        public const string AlreadyAttendee = ChatProtocol.Errors.AlreadyAttendee;
        public const string InviteSelf = ChatProtocol.Errors.InviteSelf;
        public const string NoInvitees = ChatProtocol.Errors.NoInvitees;
        public const string InvitationNotFound = ChatProtocol.Errors.InvitationNotFound;
        public const string InvitationClosed = ChatProtocol.Errors.InvitationClosed;
        public const string MessageEmpty = ChatProtocol.Errors.MessageEmpty;
        public const string MessageTooLong = ChatProtocol.Errors.MessageTooLong;
        public const string MessageIdMissing = ChatProtocol.Errors.MessageIdMissing;
        public const string OffTheRecordRecipientInvalid = ChatProtocol.Errors.OffTheRecordRecipientInvalid;
        public const string ChatTimeInvalid = ChatProtocol.Errors.ChatTimeInvalid;
        public const string PresenceInvalid = ChatProtocol.Errors.PresenceInvalid;
        public const string AttachmentTooLarge = ChatProtocol.Errors.AttachmentTooLarge;
        public const string AttachmentEmpty = ChatProtocol.Errors.AttachmentEmpty;
        public const string AttachmentTypeRefused = ChatProtocol.Errors.AttachmentTypeRefused;
        public const string AttachmentNameInvalid = ChatProtocol.Errors.AttachmentNameInvalid;
        public const string AttachmentNotFound = ChatProtocol.Errors.AttachmentNotFound;

        /// <summary>The caller is not signed in (an in-process caller without a sign-in; the hub refuses such callers earlier).</summary>
        public const string NotSignedIn = "CHAT_NOT_SIGNED_IN";

        /// <summary>The call's arguments do not fit the method: wrong number, or a value of the wrong type or format.</summary>
        public const string ArgumentInvalid = ChatProtocol.Errors.ArgumentInvalid;

        /// <summary>No hub method has that name.</summary>
        public const string MethodNotFound = ChatProtocol.Errors.MethodNotFound;

        /// <summary>The database failed to store the change: try again later (a message with the same client id is stored once).</summary>
        public const string StorageFailed = ChatProtocol.Errors.StorageFailed;

        public const string Busy = ChatProtocol.Errors.Busy;

        /// <summary>Any other fault on the server; it is logged there.</summary>
        public const string ServerError = ChatProtocol.Errors.ServerError;
    }
}
