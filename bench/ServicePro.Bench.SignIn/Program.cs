using ServicePro.Bench.SignIn;
using ServicePro.Testing;

// dotnet run --project bench/ServicePro.Bench.SignIn [-- --url http://127.0.0.1:5080 --sign-ins 200]
// Without --url it starts the built host itself (Requests and Chat, temporary data folder) on a free loopback port.
var url = Argument(args, "--url");
var signIns = int.Parse(Argument(args, "--sign-ins") ?? "200", System.Globalization.CultureInfo.InvariantCulture);

await using var host = url is null ? await HostProcess.StartAsync(BenchHost.ModulesConfig) : null;
var baseAddress = host?.BaseAddress ?? new Uri(url!.TrimEnd('/') + "/");
Console.WriteLine($"Host: {baseAddress} ({(host is null ? "given" : "started by the tool")}); {Environment.ProcessorCount} cores; {signIns} concurrent sign-ins");

var report = await new SignInLoad(baseAddress, signIns).RunAsync();
report.Print(Console.Out);
return 0;

static string? Argument(string[] args, string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}
