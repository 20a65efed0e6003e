using System.Diagnostics.Metrics;
using ListeningClub.Bot.Telemetry;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Bot.Features.Voting;

/// <summary><c>listeningclub.ballots.cast</c>: ballots cast or replaced (stored), by how (the ballot form, a Discord poll vote) and the track's voting method.</summary>
public sealed class BallotMetrics
{
    private static readonly Dictionary<VotingMethod, string> Methods = Enum.GetValues<VotingMethod>().ToDictionary(m => m, BotMeter.SnakeCase);

    private readonly Counter<long> _cast;

    public BallotMetrics(IMeterFactory meters) =>
        _cast = BotMeter.From(meters).CreateCounter<long>("listeningclub.ballots.cast", "{ballot}", "Ballots cast or replaced, by source (form, poll) and voting method");

    internal void Cast(string via, VotingMethod method) =>
        _cast.Add(1, new KeyValuePair<string, object?>("via", via), new KeyValuePair<string, object?>("method", Methods[method]));
}
