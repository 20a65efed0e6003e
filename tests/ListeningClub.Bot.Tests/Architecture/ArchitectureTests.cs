using System.Reflection;
using System.Runtime.CompilerServices;
using ListeningClub.Application.Steps;
using ListeningClub.Bot.Hosting;
using ListeningClub.Discord.Interactions;
using ListeningClub.Domain.Clubs;
using ListeningClub.Storage.Configuration;
using NetArchTest.Rules;

namespace ListeningClub.Bot.Tests.Architecture;

/// <summary>
/// The dependency rule of DESIGN.md, checked on the built assemblies: features do not reach into each other, shared
/// folders do not reach into features, Domain is pure and synchronous, and each project references only what it may.
/// </summary>
public sealed class ArchitectureTests
{
    private const string Features = "ListeningClub.Bot.Features";

    private static readonly Assembly Bot = typeof(ListeningClubServices).Assembly;
    private static readonly Assembly Domain = typeof(Club).Assembly;
    private static readonly Assembly Application = typeof(StepRunner).Assembly;
    private static readonly Assembly Storage = typeof(StorageOptions).Assembly;
    private static readonly Assembly StoragePostgres = typeof(ListeningClub.Storage.Postgres.Engine.PostgresStore).Assembly;
    private static readonly Assembly Discord = typeof(InteractionContext).Assembly;

    [Fact]
    public void EachFeature_UsesNoTypeOfAnotherFeature()
    {
        var features = FeatureNamespaces(Bot, Features);
        Assert.True(features.Count >= 10, "the feature folders were found");
        Assert.Empty(CrossFeatureReferences(Bot, Features));
    }

    [Fact]
    public void SharedFolders_UseNoFeature()
    {
        foreach (var shared in new[] { "Interactions", "Posting", "Rendering", "Steps", "Telemetry", "Web" })
        {
            var result = Types.InAssembly(Bot).That().ResideInNamespace($"ListeningClub.Bot.{shared}").ShouldNot().HaveDependencyOn(Features).GetResult();
            Assert.True(result.IsSuccessful, $"{shared} uses a feature: {string.Join(", ", result.FailingTypeNames ?? [])}");
        }
    }

    [Fact]
    public void TheCheck_FindsAFeatureUsingAnother_AndAllowsItsOwnSubfolders()
    {
        const string Samples = "ListeningClub.Bot.Tests.Architecture.Samples";

        var found = CrossFeatureReferences(typeof(ArchitectureTests).Assembly, Samples);

        Assert.Equal([$"{Samples}.Voting.UsesReminders -> {Samples}.Reminders"], found);
    }

    [Fact]
    public void Domain_IsSynchronous_AndHoldsNoLocks()
    {
        var asyncMethods = Domain.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<AsyncStateMachineAttribute>() is not null || (!m.DeclaringType!.IsInterface && typeof(Task).IsAssignableFrom(m.ReturnType)))
            .Select(m => $"{m.DeclaringType!.FullName}.{m.Name}")
            .ToList();
        Assert.Empty(asyncMethods);

        var locks = Types.InAssembly(Domain).ShouldNot().HaveDependencyOnAny(
            "System.Threading.Lock", "System.Threading.Monitor", "System.Threading.SemaphoreSlim", "System.Threading.ReaderWriterLockSlim",
            "System.Threading.Tasks.TaskCompletionSource", "System.Collections.Concurrent").GetResult();
        Assert.True(locks.IsSuccessful, "Domain holds locks: " + string.Join(", ", locks.FailingTypeNames ?? []));
    }

    [Fact]
    public void Projects_ReferenceOnlyWhatTheDependencyRuleAllows()
    {
        Assert.Empty(Ours(Domain));
        Assert.Equal(["ListeningClub.Domain"], Ours(Application));
        Assert.Equal(["ListeningClub.Domain"], Ours(Storage));
        Assert.Equal(["ListeningClub.Domain"], Ours(StoragePostgres));
        Assert.All(
            StoragePostgres.GetReferencedAssemblies().Select(a => a.Name!),
            name => Assert.True(name.StartsWith("System", StringComparison.Ordinal) || name is "ListeningClub.Domain" or "Npgsql" or "Polly.Core", $"Storage.Postgres references {name}"));
        Assert.Empty(Ours(Discord));
        Assert.DoesNotContain(Application.GetReferencedAssemblies(), a => a.Name!.StartsWith("Microsoft.Extensions", StringComparison.Ordinal));
        Assert.All(Domain.GetReferencedAssemblies(), a => Assert.True(a.Name!.StartsWith("System.", StringComparison.Ordinal), $"Domain references {a.Name}"));
    }

    private static List<string> Ours(Assembly assembly) =>
        [.. assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("ListeningClub.", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    /// <summary>The feature namespaces directly under <paramref name="root"/> (a feature's subfolders belong to it).</summary>
    private static List<string> FeatureNamespaces(Assembly assembly, string root) =>
        [.. assembly.GetTypes()
            .Select(t => t.Namespace)
            .OfType<string>()
            .Where(ns => ns.StartsWith(root + ".", StringComparison.Ordinal))
            .Select(ns => root + "." + ns[(root.Length + 1)..].Split('.')[0])
            .Distinct()
            .Order(StringComparer.Ordinal)];

    /// <summary>"Type -> other feature" for every type of a feature under <paramref name="root"/> that uses another feature's types.</summary>
    private static List<string> CrossFeatureReferences(Assembly assembly, string root)
    {
        var features = FeatureNamespaces(assembly, root);
        var found = new List<string>();
        foreach (var feature in features)
        {
            foreach (var other in features.Where(f => f != feature))
            {
                var result = Types.InAssembly(assembly).That().ResideInNamespace(feature).ShouldNot().HaveDependencyOn(other).GetResult();
                found.AddRange((result.FailingTypeNames ?? []).Select(type => $"{type} -> {other}"));
            }
        }

        return found;
    }
}
