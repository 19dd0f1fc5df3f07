using BenchmarkDotNet.Running;
using Shegong.Bench;

// dotnet run -c Release --project bench/Shegong.Bench -- --filter '*'
// dotnet run -c Release --project bench/Shegong.Bench -- statistics-http URL FILE.db APP_PID [reps]   (see StatisticsHttpBench)
if (args.Length > 0 && args[0] == "statistics-http")
{
    return await StatisticsHttpBench.RunAsync(args);
}
BenchmarkSwitcher.FromAssembly(typeof(CoverageBenchmarks).Assembly).Run(args);
return 0;
