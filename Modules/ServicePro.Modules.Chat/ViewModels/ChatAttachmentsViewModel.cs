using ServicePro.Modules.Chat.Application;

namespace ServicePro.Modules.Chat.ViewModels;

/// <summary>
/// Sends the files a rep picks, drops or pastes into a chat window, one entry each, Off the Record when the window is
/// set so. The server's rules decide; a refusal shows in the window's error line and the other files still go.
/// </summary>
public sealed class ChatAttachmentsViewModel(IChatAttachmentsApi api, ChatWindowViewModel window)
{
    /// <summary>True while files are being sent (the button is disabled meanwhile).</summary>
    public bool IsSending { get; private set; }

    public async Task SendAsync(IReadOnlyList<ChatFileToSend> files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (window.IsOffTheRecord && string.IsNullOrWhiteSpace(window.OffTheRecordWith))
        {
            window.ShowError("Off the Record: pick the attendee who should see the file.");
            return;
        }

        IsSending = true;
        string? refusal = null;
        try
        {
            foreach (var file in files)
            {
                try
                {
                    await using var content = file.Open();
                    var entry = await api.UploadAsync(window.SessionId, file.Name, file.Size, content, window.IsOffTheRecord ? window.OffTheRecordWith : null, cancellationToken);
                    window.AddEntry(entry);
                }
                catch (ChatException ex)
                {
                    refusal = ex.Message;
                }
            }
        }
        finally
        {
            IsSending = false;
            window.ShowError(refusal);
        }
    }
}
