namespace ServicePro.Testing;

/// <summary>MSTest categories: <see cref="Slow"/> marks a class that starts a process (the host, Node, a publish) or a browser.</summary>
public static class TestCategories
{
    public const string Slow = "Slow";
}
