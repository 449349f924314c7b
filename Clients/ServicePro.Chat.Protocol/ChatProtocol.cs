namespace ServicePro.Chat.Protocol;

/// <summary>Every wire name of the chat hub: its route, the sign-in route, limits, methods, events and error codes.</summary>
public static class ChatProtocol
{
    /// <summary>The hub's route. The host accepts a bearer token as <c>access_token</c> query string under <c>/hubs</c>.</summary>
    public const string HubRoute = "/hubs/chat";

    /// <summary>Where a non-browser client exchanges user name and password for a bearer token (a host endpoint).</summary>
    public const string TokenRoute = "/account/token";

    /// <summary>Where a client exchanges a refresh token for a new bearer token (a host endpoint).</summary>
    public const string RefreshRoute = "/account/refresh";

    /// <summary>The longest message, in characters after trimming.</summary>
    public const int MaxMessageLength = 4000;

    /// <summary>
    /// Where an attachment is downloaded: <c>GET /chat/attachments/{id}</c> with the shell's cookie or a bearer token
    /// (add <c>?inline=true</c> to show a raster image in place).
    /// </summary>
    public const string AttachmentRoute = "/chat/attachments";

    /// <summary>
    /// The largest chunk a client sends in an <see cref="Methods.UploadAttachment"/> stream: as JSON (base64) it stays well
    /// under SignalR's default 32 KB message limit.
    /// </summary>
    public const int AttachmentChunkBytes = 16 * 1024;

    /// <summary>The most Chat Time a session can be set to.</summary>
    public static readonly TimeSpan MaxChatTime = TimeSpan.FromHours(24);

    /// <summary>
    /// A new <c>clientMessageId</c> for a message or an attachment: time-ordered (version 7), so that the server's resend
    /// index, which the client id leads, takes each new message at its end. The hub accepts any GUID; this kind is stored
    /// faster under load.
    /// </summary>
    public static Guid NewClientMessageId() => Guid.CreateVersion7();

    /// <summary>Hub methods a client invokes.</summary>
    public static class Methods
    {
        public const string StartSession = nameof(StartSession);
        public const string GetSession = nameof(GetSession);
        public const string GetEntries = nameof(GetEntries);
        public const string Invite = nameof(Invite);
        public const string AcceptInvitation = nameof(AcceptInvitation);
        public const string DeclineInvitation = nameof(DeclineInvitation);
        public const string GetMyInvitations = nameof(GetMyInvitations);
        public const string GetMyLiveSessions = nameof(GetMyLiveSessions);
        public const string Typing = nameof(Typing);
        public const string SendMessage = nameof(SendMessage);
        public const string LeaveSession = nameof(LeaveSession);
        public const string PauseChatTime = nameof(PauseChatTime);
        public const string ResumeChatTime = nameof(ResumeChatTime);
        public const string SetChatTime = nameof(SetChatTime);
        public const string SetPresence = nameof(SetPresence);
        public const string GetPresence = nameof(GetPresence);
        public const string GetMySessions = nameof(GetMySessions);
        public const string UploadAttachment = nameof(UploadAttachment);
    }

    /// <summary>Events the hub sends to clients (the methods of <see cref="IChatClient"/>).</summary>
    public static class Events
    {
        public const string EntryAdded = nameof(IChatClient.EntryAdded);
        public const string OffTheRecordSelected = nameof(IChatClient.OffTheRecordSelected);
        public const string InvitationReceived = nameof(IChatClient.InvitationReceived);
        public const string InvitationClosed = nameof(IChatClient.InvitationClosed);
        public const string ChatTimeChanged = nameof(IChatClient.ChatTimeChanged);
        public const string SessionEnded = nameof(IChatClient.SessionEnded);
        public const string PresenceChanged = nameof(IChatClient.PresenceChanged);
        public const string PresenceBatch = nameof(IChatClient.PresenceBatch);
        public const string UserTyping = nameof(IChatClient.UserTyping);
    }

    /// <summary>Error codes: a refused call fails with a hub error whose message is <c>CODE: explanation</c>.</summary>
    public static class Errors
    {
        public const string ModuleDisabled = "CHAT_MODULE_DISABLED";
        public const string SessionNotFound = "CHAT_SESSION_NOT_FOUND";
        public const string SessionEnded = "CHAT_SESSION_ENDED";
        public const string NotAttendee = "CHAT_NOT_ATTENDEE";
        public const string NotOriginator = "CHAT_NOT_ORIGINATOR";
        public const string RequestNotFound = "CHAT_REQUEST_NOT_FOUND";
        public const string UserNotFound = "CHAT_USER_NOT_FOUND";
        public const string UserOffline = "CHAT_USER_OFFLINE";
        public const string AlreadyInvited = "CHAT_ALREADY_INVITED";
        public const string AlreadyAttendee = "CHAT_ALREADY_ATTENDEE";
        public const string InviteSelf = "CHAT_INVITE_SELF";
        public const string NoInvitees = "CHAT_NO_INVITEES";
        public const string InvitationNotFound = "CHAT_INVITATION_NOT_FOUND";
        public const string InvitationClosed = "CHAT_INVITATION_CLOSED";
        public const string MessageEmpty = "CHAT_MESSAGE_EMPTY";
        public const string MessageTooLong = "CHAT_MESSAGE_TOO_LONG";
        public const string MessageIdMissing = "CHAT_MESSAGE_ID_MISSING";
        public const string OffTheRecordRecipientInvalid = "CHAT_OTR_RECIPIENT_INVALID";
        public const string ChatTimeInvalid = "CHAT_TIME_INVALID";
        public const string PresenceInvalid = "CHAT_PRESENCE_INVALID";

        /// <summary>The attachment is larger than the host allows (<c>Modules:chat:Attachments:MaxBytes</c>, 10 MB by default).</summary>
        public const string AttachmentTooLarge = "CHAT_ATTACHMENT_TOO_LARGE";

        /// <summary>The attachment has no content.</summary>
        public const string AttachmentEmpty = "CHAT_ATTACHMENT_EMPTY";

        /// <summary>The attachment's type (its file name's extension) is refused (<c>Modules:chat:Attachments:RefusedExtensions</c>).</summary>
        public const string AttachmentTypeRefused = "CHAT_ATTACHMENT_TYPE_REFUSED";

        /// <summary>No such attachment (or it went with its Off the Record entry when the session ended).</summary>
        public const string AttachmentNotFound = "CHAT_ATTACHMENT_NOT_FOUND";

        /// <summary>The attachment's file name is missing or unusable.</summary>
        public const string AttachmentNameInvalid = "CHAT_ATTACHMENT_NAME_INVALID";

        /// <summary>The call's arguments do not fit the method: wrong number, or a value of the wrong type or format.</summary>
        public const string ArgumentInvalid = "CHAT_ARGUMENT_INVALID";

        /// <summary>No hub method has that name.</summary>
        public const string MethodNotFound = "CHAT_METHOD_NOT_FOUND";

        /// <summary>The database failed to store the change: try again later (a message with the same client id is stored once).</summary>
        public const string StorageFailed = "CHAT_STORAGE_FAILED";

        /// <summary>Too many changes are waiting to be stored: nothing was stored; try again in a moment (with the same client id for a message).</summary>
        public const string Busy = "CHAT_BUSY";

        /// <summary>Any other fault on the server; it is logged there.</summary>
        public const string ServerError = "CHAT_SERVER_ERROR";
    }
}
