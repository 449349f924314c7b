using ServicePro.Modules.Requests.Benchmarks;

// Usage: dotnet run -c Release --project tests/ServicePro.Modules.Requests.Benchmarks [-- requests runs]
var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
var runs = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 30;
return await ListLoadTool.RunAsync(count, runs, Console.Out);
