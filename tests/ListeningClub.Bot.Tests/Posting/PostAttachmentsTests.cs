using ListeningClub.Bot.Posting;
using ListeningClub.Discord.Models;
using ListeningClub.Domain.Outbox;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ListeningClub.Bot.Tests.Posting;

/// <summary>The time box around a post's files: a slow picture never holds the post past <see cref="PostAttachments.TimeBox"/>.</summary>
public sealed class PostAttachmentsTests
{
    private static readonly AttachmentReference Picture = new(0, "result.png", "Bar chart of votes");

    private static readonly MessageCreateRequest Announcement = new()
    {
        Content = "The votes are in!",
        Embeds = [new Embed { Title = "Film Night: Alien", Image = new EmbedMedia { Url = "attachment://result.png" }, Thumbnail = new EmbedMedia { Url = "https://example.org/poster.jpg" } }],
        Attachments = [Picture],
    };

    [Fact]
    public async Task Prepare_ARendererThatNeverFinishes_GivesUpAfterTheTimeBox_AndTheMessageLosesOnlyThePicture()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 6, 17, 0, 0, TimeSpan.Zero));
        var stuck = new StuckPictures();
        var attachments = new PostAttachments([stuck], time, NullLogger<PostAttachments>.Instance);

        var preparing = attachments.PrepareAsync(Post(), Announcement, CancellationToken.None);
        await stuck.Started.Task;
        time.Advance(PostAttachments.TimeBox - TimeSpan.FromMilliseconds(1));
        Assert.False(preparing.IsCompleted, "still within the time box");
        time.Advance(TimeSpan.FromMilliseconds(1));
        var (request, files) = await preparing;

        Assert.Empty(files);
        Assert.Null(request.Attachments);
        Assert.Null(request.Embeds![0].Image);
        Assert.Equal(Announcement.Embeds![0].Thumbnail, request.Embeds[0].Thumbnail);
        Assert.Equal(Announcement.Content, request.Content);
    }

    [Fact]
    public async Task Prepare_ARendererInTime_AttachesItsFile_WithTheStoredDescription()
    {
        var time = new FakeTimeProvider();
        var attachments = new PostAttachments([new QuickPictures()], time, NullLogger<PostAttachments>.Instance);

        var (request, files) = await attachments.PrepareAsync(Post(), Announcement, CancellationToken.None);

        var file = Assert.Single(files);
        Assert.Equal(("result.png", "Bar chart of votes"), (file.FileName, file.Description));
        Assert.Equal("attachment://result.png", request.Embeds![0].Image!.Url);
    }

    private static OutboxMessage Post() => new()
    {
        Id = Guid.NewGuid(),
        Nonce = "n",
        GuildId = 1,
        ChannelId = 2,
        Kind = PostKinds.PickAnnounced,
        IntentKey = Guid.NewGuid().ToString("N"),
        Payload = "{}",
        CreatedAt = DateTimeOffset.UnixEpoch,
    };

    private sealed class StuckPictures : IPostAttachments
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Kind => PostKinds.PickAnnounced;

        public Task<IReadOnlyList<FileUpload>> RenderAsync(OutboxMessage post, IReadOnlyList<AttachmentReference> wanted, CancellationToken ct)
        {
            Started.SetResult();
            return new TaskCompletionSource<IReadOnlyList<FileUpload>>().Task; // never finishes, and ignores the token
        }
    }

    private sealed class QuickPictures : IPostAttachments
    {
        public string Kind => PostKinds.PickAnnounced;

        public Task<IReadOnlyList<FileUpload>> RenderAsync(OutboxMessage post, IReadOnlyList<AttachmentReference> wanted, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<FileUpload>>([new FileUpload("result.png", new byte[] { 0x89, 0x50, 0x4E, 0x47 }, "image/png")]);
    }
}
