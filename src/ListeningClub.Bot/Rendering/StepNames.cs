using System.Globalization;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Schedule;

namespace ListeningClub.Bot.Rendering;

/// <summary>A track's steps as members and managers read them.</summary>
public static class StepNames
{
    /// <summary>A track's next steps as lines of Discord timestamps, which every member reads in their own time zone.</summary>
    public static string Upcoming(Track track, IReadOnlyList<PlannedStep> steps)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(steps);
        if (track.Schedule.Paused)
        {
            return "The track is paused: nothing happens by itself until a manager runs /club resume.";
        }

        return steps.Count == 0
            ? "Nothing is scheduled."
            : string.Join('\n', steps.Select(s => string.Create(CultureInfo.InvariantCulture, $"▫️ {Name(s.Step)} — {Markdown.Time(s.At)} ({Markdown.Time(s.At, 'R')})")));
    }

    public static string Name(StepKind step) => step switch
    {
        StepKind.OpenVoting => "Voting opens",
        StepKind.RemindVoting => "Voting reminder",
        StepKind.CloseVoting => "Voting closes, pick announced",
        StepKind.PostPrompt => "Discussion prompt",
        StepKind.StartNextCycle => "Nominations open",
        StepKind.RemindParty => "Party reminder",
        StepKind.OpenNominations => "Nominations open",
        StepKind.OpenDiscussion => "Discussion opens",
        _ => step.ToString(),
    };

    /// <summary>A step as a manager reads it: its name, numbered when a cycle has several of its kind ("Voting reminder 2").</summary>
    public static string Label(PlannedStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.Step is StepKind.RemindVoting or StepKind.PostPrompt or StepKind.RemindParty
            ? $"{Name(step.Step)} {step.Key[(step.Key.LastIndexOf('-') + 1)..]}"
            : Name(step.Step);
    }
}
