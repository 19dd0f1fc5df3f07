using BenchmarkDotNet.Running;
using Shegong.Bench;

// dotnet run -c Release --project bench/Shegong.Bench -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(CoverageBenchmarks).Assembly).Run(args);
