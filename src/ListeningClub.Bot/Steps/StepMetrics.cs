using System.Diagnostics.Metrics;
using ListeningClub.Application.Steps;
using ListeningClub.Bot.Telemetry;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Schedule;

namespace ListeningClub.Bot.Steps;

/// <summary><c>listeningclub.steps</c>: every step a track's handler was asked to run, by step kind, outcome and who asked.</summary>
public sealed class StepMetrics
{
    private static readonly Dictionary<StepKind, string> Kinds = Enum.GetValues<StepKind>().ToDictionary(k => k, BotMeter.SnakeCase);

    private readonly Counter<long> _steps;

    public StepMetrics(IMeterFactory meters) =>
        _steps = BotMeter.From(meters).CreateCounter<long>(
            "listeningclub.steps", "{step}", "Track steps run, by step kind, outcome (performed, already_performed, refused, failed) and trigger (schedule, manager)");

    internal void Ran(StepKind step, bool byManager, string outcome) =>
        _steps.Add(
            1,
            new KeyValuePair<string, object?>("step", Kinds[step]),
            new KeyValuePair<string, object?>("outcome", outcome),
            new KeyValuePair<string, object?>("trigger", byManager ? "manager" : "schedule"));

    internal static string Outcome(Result<StepRun> ran) =>
        !ran.IsSuccess ? "refused" : ran.Value == StepRun.Performed ? "performed" : "already_performed";
}

/// <summary>A step handler as the <see cref="StepRunner"/> sees it: the feature's handler, counted in <see cref="StepMetrics"/>.</summary>
internal sealed class MeteredStep(IStepHandler handler, StepMetrics metrics) : IStepHandler
{
    public StepKind Performs => handler.Performs;

    public async Task<Result<StepRun>> RunAsync(StepRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        Result<StepRun> ran;
        try
        {
            ran = await handler.RunAsync(request, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            metrics.Ran(Performs, request.ByManager, "failed");
            throw;
        }

        metrics.Ran(Performs, request.ByManager, StepMetrics.Outcome(ran));
        return ran;
    }
}
