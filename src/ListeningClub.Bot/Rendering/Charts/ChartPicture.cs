using ListeningClub.Discord.Models;

namespace ListeningClub.Bot.Rendering.Charts;

/// <summary>A rendered chart: the PNG, and what it shows in words (the attachment's description, read by screen readers).</summary>
public sealed record ChartPicture(byte[] Png, string Description)
{
    /// <summary>Discord's limit on an attachment's description.</summary>
    public const int MaxDescription = 1024;

    /// <summary>The picture as a PNG file to attach under <paramref name="fileName"/>, described for screen readers.</summary>
    public FileUpload AsFile(string fileName) => new(fileName, Png, "image/png", Description);
}
