namespace ListeningClub.Discord.Emulator;

public static class Program
{
    public static async Task Main(string[] args)
    {
        var app = WebApplication.CreateBuilder(args).Build();
        await app.RunAsync();
    }
}
