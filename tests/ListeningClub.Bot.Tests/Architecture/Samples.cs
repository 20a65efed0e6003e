// Sample "features" for ArchitectureTests: the check must find Voting using Reminders, and accept Voting's subfolder.
#pragma warning disable CA1812, CA1822 // never instantiated: only their references are inspected

namespace ListeningClub.Bot.Tests.Architecture.Samples.Reminders
{
    internal sealed class Reminder
    {
        public string Text { get; } = "";
    }
}

namespace ListeningClub.Bot.Tests.Architecture.Samples.Voting
{
    internal sealed class UsesReminders
    {
        public int Length(Reminders.Reminder reminder) => reminder.Text.Length;
    }

    internal sealed class UsesItsOwnSubfolder
    {
        public int Count(Polls.Poll poll) => poll.Answers;
    }
}

namespace ListeningClub.Bot.Tests.Architecture.Samples.Voting.Polls
{
    internal sealed class Poll
    {
        public int Answers { get; }
    }
}
