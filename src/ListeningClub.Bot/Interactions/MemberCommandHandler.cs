using System.Globalization;
using ListeningClub.Application.Clubs;
using ListeningClub.Discord.Interactions;
using ListeningClub.Discord.Models;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Media;
using Microsoft.Extensions.Logging;

namespace ListeningClub.Bot.Interactions;

/// <summary>What every club handler needs, in one parameter.</summary>
public sealed record MemberCommandServices(ClubService Clubs, MemberRateLimiter Limiter, TimeProvider Time, ILogger<MemberCommandHandler> Logger);

/// <summary>
/// The shared shape of the club's handlers: only in a server, one member may not flood the bot, expected problems
/// are answered privately with what to fix, and the "track" option autocompletes from the club's tracks.
/// Handlers parse options, call the domain and render; club rules live in the domain. A store that cannot be reached
/// (PostgreSQL restarting: <see cref="StoreUnavailableException"/>, after the store's own retries) is an expected failure:
/// the member is told so privately (<see cref="StoreUnavailableReply"/>; nothing claims it was saved) and the log gets one
/// warning line, no stack trace.
/// </summary>
public abstract partial class MemberCommandHandler(MemberCommandServices services)
{
    /// <summary>What a member is told when the club's store could not be reached: nothing was acknowledged, try again.</summary>
    public const string StoreUnavailableReply = "⚠️ The club's database cannot be reached right now, so this could not be done. Please try again in a minute.";

    protected ClubService Clubs => services.Clubs;

    protected TimeProvider Time => services.Time;

    public async Task HandleAsync(InteractionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Interaction.GuildId is not { } guildId || context.User is not { } user)
        {
            await context.ReplyAsync(InteractionReply.Text("ListeningClub works inside a server: use this command in a server's channel.", ephemeral: true), ct).ConfigureAwait(false);
            return;
        }

        if (services.Limiter.TryAcquire(user.Id) is { } wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await context.ReplyAsync(InteractionReply.Text($"Slow down a little — try again in {seconds} s.", ephemeral: true), ct).ConfigureAwait(false);
            return;
        }

        try
        {
            await ExecuteAsync(context, guildId, user.Id, ct).ConfigureAwait(false);
        }
        catch (StoreUnavailableException ex)
        {
            LogStoreUnavailable(services.Logger, GetType().Name, context.Interaction.Id, ex.Message);
            await context.ReplyAsync(new InteractionReply { Content = StoreUnavailableReply, Ephemeral = true, AllowedMentions = AllowedMentions.None }, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Autocomplete for the "track" option (names of the club's tracks); handlers with other options override.</summary>
    public virtual async Task AutocompleteAsync(InteractionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var club = context.Interaction.GuildId is { } guildId ? await Clubs.GetAsync(guildId, ct).ConfigureAwait(false) : null;
        var typed = context.FocusedOption?.Value?.ToString() ?? "";
        var choices = (club?.Tracks ?? [])
            .Where(t => t.Name.Contains(typed, StringComparison.OrdinalIgnoreCase))
            .Take(25)
            .Select(t => ApplicationCommandOptionChoice.ForString(t.Name, t.Name))
            .ToList();
        await context.AutocompleteAsync(choices, ct).ConfigureAwait(false);
    }

    protected abstract Task ExecuteAsync(InteractionContext context, ulong guildId, ulong memberId, CancellationToken ct);

    /// <summary>A problem the member can fix, shown only to them. Nothing was changed.</summary>
    protected static Task ReplyProblemAsync(InteractionContext context, Problem problem, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(problem);
        return context.ReplyAsync(new InteractionReply { Content = "⚠️ " + problem.Message, Ephemeral = true, AllowedMentions = AllowedMentions.None }, ct);
    }

    /// <summary>The track the member means: the "track" option, or the only track (of that kind).</summary>
    protected Task<Result<Track>> TrackAsync(InteractionContext context, ulong guildId, MediaKind? kind, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Clubs.ResolveTrackAsync(guildId, context.GetString("track"), kind, ct);
    }

    /// <summary>The track the member means, or null after telling them privately why it can't be found.</summary>
    protected async Task<Track?> TrackOrReplyAsync(InteractionContext context, ulong guildId, MediaKind? kind, CancellationToken ct)
    {
        var track = await TrackAsync(context, guildId, kind, ct).ConfigureAwait(false);
        if (!track.IsSuccess)
        {
            await ReplyProblemAsync(context, track.Problem!, ct).ConfigureAwait(false);
            return null;
        }

        return track.Value;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Handler} could not finish interaction {InteractionId}: {Reason}")]
    private static partial void LogStoreUnavailable(ILogger logger, string handler, ulong interactionId, string reason);
}
