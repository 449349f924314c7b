namespace ServicePro.Host.Modularity;

/// <summary>A module could not be loaded; the message is shown to the administrator as the reason.</summary>
public sealed class ModuleLoadException(string message, Exception? inner = null) : Exception(message, inner);
