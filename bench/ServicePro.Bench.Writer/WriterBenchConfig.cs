using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ServicePro.Bench.Writer;

/// <summary>
/// In process (the repository's central package versions would stop BenchmarkDotNet's generated project from
/// restoring), with the allocations and the time per operation as a ratio to the plain-SQL baseline of the same run.
/// </summary>
public sealed class WriterBenchConfig : ManualConfig
{
    public WriterBenchConfig()
    {
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(5).WithIterationCount(15).WithId("in-process"));
        AddDiagnoser(MemoryDiagnoser.Default, ThreadingDiagnoser.Default);
        AddColumn(StatisticColumn.P95);
        WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));
    }
}
