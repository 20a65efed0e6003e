using System.Globalization;
using ListeningClub.Bot.Rendering;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Outbox;

namespace ListeningClub.Bot.Posting;

/// <summary>A track's posts still waiting in the outbox (Discord has not accepted them yet), as managers are told about them.</summary>
public sealed class QueuedPosts(IOutboxRepository outbox)
{
    /// <summary>Most queued posts /club show lists per track.</summary>
    public const int MaxListed = 5;

    /// <summary>The track's pending posts, oldest first.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> OfTrackAsync(ulong guildId, TrackId trackId, CancellationToken ct) =>
        (await outbox.ListPendingAsync(ct).ConfigureAwait(false)).Where(m => m.GuildId == guildId && m.TrackId == trackId).ToList();

    /// <summary>The post of that kind for the cycle, if it was decided.</summary>
    public Task<OutboxMessage?> FindAsync(string kind, CycleId cycleId, CancellationToken ct) => outbox.FindAsync(kind, cycleId.ToString(), ct);

    /// <summary>
    /// One line for a manager's reply when the track has queued posts ("Recorded; the pick announcement is queued…"),
    /// or null when everything is out.
    /// </summary>
    public async Task<string?> NoteAsync(ulong guildId, TrackId trackId, CancellationToken ct)
    {
        var queued = await OfTrackAsync(guildId, trackId, ct).ConfigureAwait(false);
        if (queued.Count == 0)
        {
            return null;
        }

        if (queued.Count == 1)
        {
            return $"⏳ Recorded; the {Name(queued[0].Kind)} is queued and will be posted when Discord accepts it (`/club show` lists it).";
        }

        var names = string.Join(", ", queued.GroupBy(m => Name(m.Kind)).Select(g => g.Count() > 1 ? $"{g.Key} ×{g.Count()}" : g.Key));
        return string.Create(CultureInfo.InvariantCulture, $"⏳ Recorded; {queued.Count} posts ({names}) are queued and will be posted when Discord accepts them (`/club show` lists them).");
    }

    /// <summary>A queued post for /club show: what it is, how often it failed and when it is tried next.</summary>
    public static string Line(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Attempts == 0)
        {
            return $"⏳ {Name(message.Kind)}: being sent";
        }

        var next = message.NextAttemptAt is { } at ? Markdown.Time(at, 'R') : "now";
        var attempts = message.Attempts == 1 ? "1 failed attempt" : string.Create(CultureInfo.InvariantCulture, $"{message.Attempts} failed attempts");
        return $"⏳ {Name(message.Kind)}: {attempts}, next attempt {next}";
    }

    /// <summary>What a post of this kind is called in replies.</summary>
    public static string Name(string kind) => kind switch
    {
        PostKinds.PickAnnounced => "pick announcement",
        PostKinds.VotingOpened => "voting post",
        PostKinds.NominationsOpen => "nominations post",
        PostKinds.NoNominations => "no-vote notice",
        PostKinds.VotingReminder => "voting reminder",
        "voting-reminder-dm" => "voting reminder by direct message",
        PostKinds.PartyReminder => "party reminder",
        "party-reminder-dm" => "party reminder by direct message",
        PostKinds.RatingsRevealed => "ratings reveal",
        PostKinds.Prompt => "discussion prompt",
        _ => Markdown.Text(kind.Replace('-', ' ')),
    };
}
