using ListeningClub.Storage.Engine;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ListeningClub.Bot.Features.Health;

/// <summary>Healthy when a file can be written in the data folder and the single writer takes and finishes work within <see cref="Timeout"/>.</summary>
public sealed class StoreHealthCheck(IStorageMaintenance storage, TimeProvider time) : IHealthCheck
{
    public const string Name = "store";

    /// <summary>Data keys: whether the store takes writes, and why not.</summary>
    public const string WritableKey = "writable";
    public const string ProblemKey = "problem";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var deadline = new CancellationTokenSource(Timeout, time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        (bool Writable, string? Problem) store;
        try
        {
            store = await storage.ProbeAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            store = (false, $"the writer did not answer within {Timeout.TotalSeconds:0} s");
        }

        var data = new Dictionary<string, object> { [WritableKey] = store.Writable };
        if (store.Problem is { } problem)
        {
            data[ProblemKey] = problem;
        }

        return store.Writable ? HealthCheckResult.Healthy("writable", data) : HealthCheckResult.Unhealthy(store.Problem ?? "not writable", data: data);
    }
}
