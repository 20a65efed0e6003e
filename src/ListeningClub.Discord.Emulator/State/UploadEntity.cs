namespace ListeningClub.Discord.Emulator.State;

/// <summary>A file uploaded with a message (multipart <c>files[n]</c>), served back at its attachment url.</summary>
public sealed record UploadEntity(ulong Id, string FileName, string ContentType, byte[] Content);
