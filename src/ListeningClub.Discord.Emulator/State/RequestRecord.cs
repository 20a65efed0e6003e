namespace ListeningClub.Discord.Emulator.State;

/// <summary>One REST request as the emulator saw it.</summary>
public sealed record RequestRecord(long Seq, string Method, string Path, string? Query, int Status, string? Body, string? Route, DateTimeOffset At);
