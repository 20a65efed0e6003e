using BenchmarkDotNet.Running;

namespace ListeningClub.Benchmarks;

public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["--scenario", Emulator.EmulatorThroughputScenario.Name, .. var rest])
        {
            Emulator.EmulatorThroughputScenario.RunAsync(rest).GetAwaiter().GetResult();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
