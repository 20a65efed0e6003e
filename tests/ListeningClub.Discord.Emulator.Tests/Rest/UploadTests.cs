using System.Net;
using System.Text;
using ListeningClub.Discord.Emulator.Control;
using ListeningClub.Discord.Emulator.Rest;

namespace ListeningClub.Discord.Emulator.Tests.Rest;

/// <summary>Files go up as Discord takes them: multipart with payload_json and files[n], within the upload limit.</summary>
public sealed class UploadTests(SharedEmulator shared) : IClassFixture<SharedEmulator>
{
    private readonly Harness _h = shared.H;
    private readonly CreatedGuild _g = shared.Guild;

    [Fact]
    public async Task Multipart_FileNamedByPayloadAttachments_IsStoredAndServedBack()
    {
        var bytes = Encoding.UTF8.GetBytes("Title,Year\nStalker,1979\n");
        var reply = await PostAsync("""{"content":"export","allowed_mentions":{"parse":[]},"attachments":[{"id":"0","filename":"picks.csv"}]}""", ("files[0]", "upload.bin", bytes));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var attachment = reply.Json["attachments"]![0]!;
        Assert.Equal("picks.csv", attachment["filename"]!.GetValue<string>());
        Assert.Equal(bytes.Length, attachment["size"]!.GetValue<int>());
        Assert.Equal(bytes, await _h.Control.AttachmentAsync(attachment["url"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Multipart_OverTheUploadLimit_Is413WithCode40005()
    {
        var reply = await PostAsync("""{"content":"too big","attachments":[{"id":"0","filename":"big.bin"}]}""", ("files[0]", "big.bin", new byte[Uploads.SizeLimit + 1]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, reply.Status);
        Assert.Equal(40005, reply.Code);
    }

    [Fact]
    public async Task Multipart_AttachmentWithoutItsFilePart_IsAFormError()
    {
        var reply = await PostAsync("""{"content":"missing","attachments":[{"id":"1","filename":"gone.csv"}]}""", ("files[0]", "here.csv", [1, 2, 3]));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains("attachments", reply.FormErrors().Single(), StringComparison.Ordinal);
    }

    private Task<Reply> PostAsync(string payload, (string Name, string FileName, byte[] Content) file) =>
        _h.SendAsync(HttpMethod.Post, $"channels/{_g.Channels["general"]}/messages", null, request =>
        {
            var form = new MultipartFormDataContent { { new StringContent(payload, Encoding.UTF8, "application/json"), "payload_json" } };
            form.Add(new ByteArrayContent(file.Content), file.Name, file.FileName);
            request.Content = form;
        });
}
