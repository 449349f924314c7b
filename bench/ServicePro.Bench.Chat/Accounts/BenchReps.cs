namespace ServicePro.Bench.Chat.Accounts;

/// <summary>The bench reps' names, shared by the module that creates them and the tool that signs them in (a linked file).</summary>
public static class BenchReps
{
    public const string UserNamePrefix = "rep";

    /// <summary><c>rep0001</c> for index 0.</summary>
    public static string UserName(int index) => $"{UserNamePrefix}{index + 1:D4}";
}
