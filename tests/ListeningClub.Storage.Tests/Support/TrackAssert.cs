using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Schedule;

namespace ListeningClub.Storage.Tests.Support;

/// <summary>Tracks hold lists inside their schedule, which records compare by reference; compare them by value.</summary>
public static class TrackAssert
{
    public static void Same(Track expected, Track actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        Assert.Equal(expected with { Schedule = TrackSchedule.Weekly }, actual with { Schedule = TrackSchedule.Weekly });
        Same(expected.Schedule, actual.Schedule);
    }

    public static void Same(TrackSchedule expected, TrackSchedule actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        Assert.Equal(expected.EveryWeeks, actual.EveryWeeks);
        Assert.Equal(expected.NominationsOpen, actual.NominationsOpen);
        Assert.Equal(expected.VotingOpens, actual.VotingOpens);
        Assert.Equal(expected.VotingCloses, actual.VotingCloses);
        Assert.Equal(expected.PromptDays, actual.PromptDays);
        Assert.Equal(expected.PromptTime, actual.PromptTime);
        Assert.Equal(expected.VotingReminders, actual.VotingReminders);
        Assert.Equal(expected.Paused, actual.Paused);
    }
}
