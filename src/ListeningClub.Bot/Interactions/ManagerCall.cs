using ListeningClub.Application.Clubs;
using ListeningClub.Discord.Interactions;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;

namespace ListeningClub.Bot.Interactions;

/// <summary>One manager's /club call: the interaction, the server and its club as it was when the call arrived.</summary>
public sealed record ManagerCall(InteractionContext Context, ulong GuildId, Domain.Clubs.Club? Club, ClubService Clubs)
{
    /// <summary>The track the "track" option names, or the club's only track.</summary>
    public Task<Result<Track>> TrackAsync(CancellationToken ct) => Clubs.ResolveTrackAsync(GuildId, Context.GetString("track"), null, ct);
}

/// <summary>What a /club subcommand answers: the private reply, or a problem the manager can fix (nothing changed).</summary>
public sealed record ManagerOutcome
{
    public InteractionReply? Reply { get; private init; }

    public Problem? Problem { get; private init; }

    public static ManagerOutcome Done(string text) => new() { Reply = InteractionReply.Text(text, ephemeral: true) };

    public static ManagerOutcome Done(InteractionReply reply) => new() { Reply = reply };

    public static ManagerOutcome Failed(Problem problem) => new() { Problem = problem };

    public static implicit operator ManagerOutcome(Problem problem) => Failed(problem);

    public static implicit operator ManagerOutcome(string text) => Done(text);

    public static implicit operator ManagerOutcome(Result<string> result) =>
        result.IsSuccess ? Done(result.Value) : Failed(result.Problem!);
}
