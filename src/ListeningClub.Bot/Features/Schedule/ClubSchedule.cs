using ListeningClub.Application.Tracks;
using ListeningClub.Application.Steps;
using ListeningClub.Bot.Interactions;
using ListeningClub.Bot.Rendering;
using ListeningClub.Discord.Interactions;
using ListeningClub.Discord.Models;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Schedule;

namespace ListeningClub.Bot.Features.Schedule;

/// <summary>
/// /club schedule: when a track's steps happen, in its time zone. Options left out keep their value; each is checked
/// with a message saying how to write it, and the whole schedule is checked before anything changes. The track's
/// trigger is re-armed from the new plan.
/// </summary>
public sealed class ClubSchedule(TrackService tracks, TrackTriggers scheduler, PartyEvents partyEvents, StepRunner steps) : IManagerSubcommand
{
    public static string Help => "when each step happens";

    public static ApplicationCommandOption Definition { get; } = CommandOptions.Subcommand(
        "schedule",
        "Set when a track's steps happen (options left out keep their value)",
        CommandOptions.Track(),
        CommandOptions.WholeNumber("every-weeks", "A cycle lasts this many weeks (1 = weekly)", min: 1, max: TrackSchedule.MaxEveryWeeks),
        CommandOptions.Text("nominations-open", "Day and time nominations open, e.g. Monday 00:00", maxLength: 20),
        CommandOptions.Text("voting-opens", "Day and time voting opens, e.g. Thursday 18:00", maxLength: 20),
        CommandOptions.Text("voting-closes", "Day and time voting closes and the pick is announced, e.g. Friday 18:00", maxLength: 20),
        CommandOptions.Text("prompt-days", "Days after the announcement with a discussion prompt, e.g. 1, 3, 5 (or none)", maxLength: 40),
        CommandOptions.Text("prompt-time", "Time of day prompts are posted, e.g. 12:00", maxLength: 5),
        CommandOptions.Text("reminders", "How long before voting closes to remind, e.g. 24h, 1h (or none)", maxLength: 40),
        CommandOptions.Text("party", "Watch/listen party after each pick, e.g. Saturday 20:00 (or none)", maxLength: 20),
        CommandOptions.Text("party-reminders", "How long before the party to remind, e.g. 1h (or none)", maxLength: 40),
        new ApplicationCommandOption { Type = ApplicationCommandOptionType.Boolean, Name = "party-event", Description = "Also create a Discord event for each party" });

    public async Task<ManagerOutcome> RunAsync(ManagerCall request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var track = await request.TrackAsync(ct).ConfigureAwait(false);
        if (!track.IsSuccess)
        {
            return track.Problem!;
        }

        var schedule = Read(request.Context, track.Value.Schedule);
        if (!schedule.IsSuccess)
        {
            return schedule.Problem!;
        }

        var changed = await tracks.SetScheduleAsync(track.Value, schedule.Value, ct).ConfigureAwait(false);
        if (!changed.IsSuccess)
        {
            return changed.Problem!;
        }

        await scheduler.RunNowAsync(request.GuildId, changed.Value.Id, ct).ConfigureAwait(false);
        await partyEvents.SyncLatestAsync(changed.Value, ct).ConfigureAwait(false); // a new party time moves this week's event
        return $"**{Markdown.Text(changed.Value.Name)}**: {changed.Value.ScheduleDescription}.\n{StepNames.Upcoming(changed.Value, await steps.PreviewAsync(changed.Value, 5, ct).ConfigureAwait(false))}";
    }

    /// <summary>The schedule the options describe, on top of <paramref name="current"/>; the first option that doesn't read is the problem.</summary>
    public static Result<TrackSchedule> Read(InteractionContext context, TrackSchedule current)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(current);
        var schedule = current with { EveryWeeks = (int)(context.GetInteger("every-weeks") ?? current.EveryWeeks) };
        var problems = new List<Problem?>();

        T Take<T>(string option, Func<string, string, Result<T>> parse, T keep)
        {
            if (context.GetString(option) is not { } text)
            {
                return keep;
            }

            var parsed = parse(text, option);
            problems.Add(parsed.Problem);
            return parsed.IsSuccess ? parsed.Value : keep;
        }

        schedule = schedule with
        {
            NominationsOpen = Take("nominations-open", ScheduleText.Weekly, current.NominationsOpen),
            VotingOpens = Take("voting-opens", ScheduleText.Weekly, current.VotingOpens),
            VotingCloses = Take("voting-closes", ScheduleText.Weekly, current.VotingCloses),
            PromptDays = Take("prompt-days", ScheduleText.Days, current.PromptDays),
            PromptTime = Take("prompt-time", ScheduleText.TimeOfDay, current.PromptTime),
            VotingReminders = Take("reminders", ScheduleText.Durations, current.VotingReminders),
            Party = Take("party", ScheduleText.OptionalWeekly, current.Party),
            PartyReminders = Take("party-reminders", ScheduleText.Durations, current.PartyReminders),
            PartyEvent = context.GetBoolean("party-event") ?? current.PartyEvent,
        };
        if (schedule.Party is null && context.GetBoolean("party-event") is null)
        {
            schedule = schedule with { PartyEvent = false }; // "party: none" turns the event off with it
        }

        return problems.FirstOrDefault(p => p is not null) is { } problem ? problem : schedule.Validate();
    }
}
