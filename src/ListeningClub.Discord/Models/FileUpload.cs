namespace ListeningClub.Discord.Models;

/// <summary>A file sent with a message (multipart <c>files[n]</c>); Discord limits a message's files by the interaction's attachment_size_limit (10 MiB without boosts).</summary>
public sealed record FileUpload(string FileName, ReadOnlyMemory<byte> Content, string ContentType = "application/octet-stream", string? Description = null);

/// <summary>The payload's reference to an uploaded file: <see cref="Id"/> is the n of its <c>files[n]</c> part.</summary>
public sealed record AttachmentReference(ulong Id, string Filename, string? Description = null);
