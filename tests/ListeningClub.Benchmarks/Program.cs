using BenchmarkDotNet.Running;
using ListeningClub.Benchmarks.Storage;

namespace ListeningClub.Benchmarks;

public static class Program
{
    public static async Task Main(string[] args)
    {
        if (args is ["--scenario", Emulator.EmulatorThroughputScenario.Name, .. var rest])
        {
            await Emulator.EmulatorThroughputScenario.RunAsync(rest);
            return;
        }

        if (args is ["--scenario", Discord.AnnouncementBurstScenario.Name, .. var announcementArgs])
        {
            await Discord.AnnouncementBurstScenario.RunAsync(announcementArgs);
            return;
        }

        if (args is ["--scenario", Bot.MixedInteractionsScenario.Name, .. var botArgs])
        {
            await Bot.MixedInteractionsScenario.RunAsync(botArgs);
            return;
        }

        if (args is ["--scenario", Bot.AutocompleteScenario.Name, .. var autocompleteArgs])
        {
            await Bot.AutocompleteScenario.RunAsync(autocompleteArgs);
            return;
        }

        if (args is ["--scenario", Catalogue.CatalogueFakesProcess.HostScenario, .. var fakesArgs])
        {
            await Catalogue.CatalogueFakesProcess.HostAsync(fakesArgs);
            return;
        }

        if (args is ["--scenario", Discord.EmulatorProcess.HostScenario, .. var emulatorArgs])
        {
            await Discord.EmulatorProcess.HostAsync(emulatorArgs);
            return;
        }

        if (args is ["--scenario", Discord.InteractionTurnaroundScenario.Name, .. var interactionArgs])
        {
            await Discord.InteractionTurnaroundScenario.RunAsync(interactionArgs);
            return;
        }

        if (args is ["--scenario", Hosting.StartupScenario.Name, .. var startupArgs])
        {
            await Hosting.StartupScenario.RunAsync(startupArgs);
            return;
        }

        if (args is ["--scenario", Schedule.TrackTriggersScenario.Name, .. var triggerArgs])
        {
            await Schedule.TrackTriggersScenario.RunAsync(triggerArgs);
            return;
        }

        // 10,000 clubs over several bot processes: dotnet run -c Release --project tests/ListeningClub.Benchmarks -- --scenario scale-out [--clubs 10000] [--processes 3] [--stores postgres,litedb]
        if (args is ["--scenario", Hosting.ScaleOutScenario.Name, ..])
        {
            await Hosting.ScaleOutScenario.RunAsync(args[2..]);
            return;
        }

        // PostgreSQL ballots: dotnet run -c Release --project tests/ListeningClub.Benchmarks -- --scenario storage-ballots-postgres [--seconds 10]
        if (args is ["--scenario", Storage.PostgresBallotScenario.Name, ..])
        {
            Environment.ExitCode = await Storage.PostgresBallotScenario.RunAsync(args[2..]);
            return;
        }

        // Storage scenarios: dotnet run -c Release --project tests/ListeningClub.Benchmarks -- --scenario storage-<name> [--option value ...]
        if (args is ["--scenario", var scenario, ..] && StorageScenarios.Handles(scenario))
        {
            Environment.ExitCode = await StorageScenarios.RunAsync(scenario, args[2..]);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
