using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/ServicePro.Bench.Writer -- --filter '*'   (see README.md)
BenchmarkSwitcher.FromAssembly(typeof(ServicePro.Bench.Writer.OneMessage).Assembly).Run(args);
