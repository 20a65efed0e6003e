using BenchmarkDotNet.Running;
using ListeningClub.Benchmarks.Storage;

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

        if (args is ["--scenario", Discord.AnnouncementBurstScenario.Name, .. var announcementArgs])
        {
            Discord.AnnouncementBurstScenario.RunAsync(announcementArgs).GetAwaiter().GetResult();
            return;
        }

        if (args is ["--scenario", Bot.MixedInteractionsScenario.Name, .. var botArgs])
        {
            Bot.MixedInteractionsScenario.RunAsync(botArgs).GetAwaiter().GetResult();
            return;
        }

        if (args is ["--scenario", Discord.EmulatorProcess.HostScenario])
        {
            Discord.EmulatorProcess.HostAsync().GetAwaiter().GetResult();
            return;
        }

        if (args is ["--scenario", Discord.InteractionTurnaroundScenario.Name, .. var interactionArgs])
        {
            Discord.InteractionTurnaroundScenario.RunAsync(interactionArgs).GetAwaiter().GetResult();
            return;
        }

        if (args is ["--scenario", Hosting.StartupScenario.Name, .. var startupArgs])
        {
            Hosting.StartupScenario.RunAsync(startupArgs).GetAwaiter().GetResult();
            return;
        }

        if (args is ["--scenario", Schedule.TrackTriggersScenario.Name, .. var triggerArgs])
        {
            Schedule.TrackTriggersScenario.RunAsync(triggerArgs).GetAwaiter().GetResult();
            return;
        }

        // Storage scenarios: dotnet run -c Release --project tests/ListeningClub.Benchmarks -- --scenario storage-<name> [--option value ...]
        if (args is ["--scenario", var scenario, ..] && StorageScenarios.Handles(scenario))
        {
            Environment.ExitCode = StorageScenarios.RunAsync(scenario, args[2..]).GetAwaiter().GetResult();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
