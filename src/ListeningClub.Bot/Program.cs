using ListeningClub.Bot.Hosting;

return await BotHost.RunAsync(args);
