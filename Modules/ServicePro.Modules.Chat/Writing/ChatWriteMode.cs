namespace ServicePro.Modules.Chat.Writing;

/// <summary>How a write shares its batch's transaction with the others.</summary>
public enum ChatWriteMode
{
    /// <summary>Saved on its own (what came before it in the batch is saved first): anything that changes who is in a session.</summary>
    Alone,

    /// <summary>
    /// Saved together with the batch's other batched writes (messages). Such a write checks every rule before it
    /// changes anything, may rely on <see cref="ChatBatch"/>, and must not rely on the database seeing the batch's
    /// earlier writes. If the batch fails it runs again alone, carefully (<see cref="ChatWriteContext.Careful"/>).
    /// </summary>
    Batched,
}
