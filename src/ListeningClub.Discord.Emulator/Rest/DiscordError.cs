using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ListeningClub.Discord.Emulator.Rest;

/// <summary>Discord's JSON error body <c>{code, message, errors?}</c> and the JSON codes the emulator uses.</summary>
public static class DiscordError
{
    public const int General = 0;
    public const int UnknownChannel = 10003;
    public const int UnknownGuild = 10004;
    public const int UnknownMessage = 10008;
    public const int UnknownWebhook = 10015;
    public const int UnknownInteraction = 10062;
    public const int UnknownCommand = 10063;
    public const int UnknownScheduledEvent = 10070;
    public const int MaxCommands = 30032;
    public const int DailyCommandCreates = 30034;
    public const int AlreadyAcknowledged = 40060;
    public const int MissingAccess = 50001;
    public const int EmptyMessage = 50006;
    public const int MissingPermissions = 50013;
    public const int CannotMessageUser = 50007;
    public const int WrongChannelType = 50024;
    public const int InvalidWebhookToken = 50027;
    public const int InvalidFormBody = 50035;
    public const int InvalidJson = 50109;
    public const int ArchivedThread = 50083;
    public const int ThreadAlreadyCreated = 160004;
    public const int ThreadLocked = 160005;
    public const int PollVotingBlocked = 520000;
    public const int PollExpired = 520001;
    public const int CannotEditPoll = 520003;
    public const int CannotExpireNonPoll = 520006;

    public static IResult Reply(int status, int code, string message, JsonObject? errors = null)
    {
        var body = new JsonObject { ["message"] = message, ["code"] = code };
        if (errors is not null)
        {
            body["errors"] = errors;
        }

        return Json(body, status);
    }

    /// <summary>Serializer options for wire JSON: no HTML-safe escaping ("+" stays "+").</summary>
    public static JsonSerializerOptions Wire { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IResult Json(JsonNode body, int status = 200) =>
        Results.Content(body.ToJsonString(Wire), "application/json", Encoding.UTF8, status);

    public static IResult NoContent() => Results.StatusCode(204);

    public static IResult NotFound(int code, string message) => Reply(404, code, message);

    public static IResult UnknownChannelReply() => NotFound(UnknownChannel, "Unknown Channel");

    public static IResult MissingAccessReply() => Forbidden(MissingAccess, "Missing Access");

    public static IResult UnknownMessageReply() => NotFound(UnknownMessage, "Unknown Message");

    public static IResult UnknownGuildReply() => NotFound(UnknownGuild, "Unknown Guild");

    public static IResult Forbidden(int code, string message) => Reply(403, code, message);

    public static IResult Form(FormErrors errors) => Reply(400, InvalidFormBody, "Invalid Form Body", errors.ToJson());

    public static IResult Form(string path, string code, string message) => Form(new FormErrors().Add(path, code, message));
}

/// <summary>Builds the nested <c>errors</c> tree of a 50035 reply; paths use dots ("poll.answers.0.poll_media.text"), "" is the request itself.</summary>
public sealed class FormErrors
{
    private readonly JsonObject _root = [];

    public bool Any { get; private set; }

    public FormErrors Add(string path, string code, string message)
    {
        var node = _root;
        if (path.Length > 0)
        {
            foreach (var part in path.Split('.'))
            {
                if (node[part] is not JsonObject child)
                {
                    child = [];
                    node[part] = child;
                }

                node = child;
            }
        }

        if (node["_errors"] is not JsonArray list)
        {
            list = [];
            node["_errors"] = list;
        }

        list.Add(new JsonObject { ["code"] = code, ["message"] = message });
        Any = true;
        return this;
    }

    /// <summary>Adds every error of <paramref name="other"/>, at the same paths.</summary>
    public FormErrors AddAll(FormErrors other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Walk(other._root, "");
        return this;

        void Walk(JsonObject node, string path)
        {
            foreach (var (key, child) in node)
            {
                if (key == "_errors" && child is JsonArray list)
                {
                    foreach (var e in list)
                    {
                        Add(path, e!["code"]!.GetValue<string>(), e["message"]!.GetValue<string>());
                    }
                }
                else if (child is JsonObject obj)
                {
                    Walk(obj, path.Length == 0 ? key : path + "." + key);
                }
            }
        }
    }

    public JsonObject ToJson() => (JsonObject)_root.DeepClone();
}
