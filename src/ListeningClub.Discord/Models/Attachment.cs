namespace ListeningClub.Discord.Models;

/// <summary>Attachment metadata (files are not uploaded by this client).</summary>
public sealed record Attachment
{
    public ulong Id { get; init; }
    public string Filename { get; init; } = "";
    public string? Description { get; init; }
    public string? ContentType { get; init; }
    public long Size { get; init; }
    public string Url { get; init; } = "";
    public string? ProxyUrl { get; init; }
}
