using System.Text.Json.Nodes;
using ListeningClub.Discord.Emulator.Control;
using ListeningClub.Sandbox.Members;

namespace ListeningClub.Sandbox.Tests.Members;

/// <summary>The composer's commands: registered commands as the paths members type, and the interaction data Discord would send.</summary>
public sealed class CommandCatalogueTests
{
    private static readonly CommandCatalogue Catalogue = CommandCatalogue.From(
    [
        new CommandView("100", "9", JsonNode.Parse("""
            {"name":"club","description":"Club","type":1,"options":[
              {"type":1,"name":"advance","description":"Next step","options":[{"type":3,"name":"track","description":"Track","autocomplete":true}]},
              {"type":2,"name":"prompts","description":"Prompts","options":[{"type":1,"name":"add","description":"Add","options":[{"type":3,"name":"text","description":"Text","required":true}]}]}]}
            """)!.AsObject()),
        new CommandView("101", "9", JsonNode.Parse("""
            {"name":"rate","description":"Rate","type":1,"options":[{"type":4,"name":"score","description":"Score","required":true},{"type":5,"name":"review-box","description":"Box"}]}
            """)!.AsObject()),
        new CommandView("102", "9", JsonNode.Parse("""{"name":"Report","type":3}""")!.AsObject()),
    ]);

    [Fact]
    public void Paths_AreTheCommandsSubcommandsAndGroups_MembersType()
    {
        Assert.Equal(["club advance", "club prompts add", "rate"], Catalogue.Paths.Select(p => p.Path));
    }

    [Fact]
    public void Data_NestsTheOptionsUnderTheirSubcommandAndGroup_TypedAsDeclared()
    {
        var (data, problem) = CommandCatalogue.Data(Catalogue.Find("club prompts add")!, new Dictionary<string, string> { ["text"] = "Who would you cast?" });
        Assert.Null(problem);
        Assert.Equal(
            """{"id":"100","name":"club","type":1,"options":[{"type":2,"name":"prompts","options":[{"type":1,"name":"add","options":[{"name":"text","type":3,"value":"Who would you cast?"}]}]}]}""",
            data!.ToJsonString());

        var (rate, _) = CommandCatalogue.Data(Catalogue.Find("rate")!, new Dictionary<string, string> { ["score"] = "9", ["review-box"] = "True" });
        Assert.Equal("""[{"name":"score","type":4,"value":9},{"name":"review-box","type":5,"value":true}]""", rate!["options"]!.ToJsonString());
    }

    [Fact]
    public void Data_RefusesAMissingRequiredOptionOrAValueOfTheWrongType_AndSendsTheFocusedOptionAsTyped()
    {
        Assert.Equal("score is required.", CommandCatalogue.Data(Catalogue.Find("rate")!, new Dictionary<string, string>()).Problem);
        Assert.Equal("score: 'nine' is not a whole number.", CommandCatalogue.Data(Catalogue.Find("rate")!, new Dictionary<string, string> { ["score"] = "nine" }).Problem);

        var (typing, _) = CommandCatalogue.Data(Catalogue.Find("club advance")!, new Dictionary<string, string> { ["track"] = "Fi" }, focused: "track");
        Assert.Equal("""[{"type":1,"name":"advance","options":[{"name":"track","type":3,"value":"Fi","focused":true}]}]""", typing!["options"]!.ToJsonString());
    }
}
