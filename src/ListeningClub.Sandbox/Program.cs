using ListeningClub.Sandbox.Hosting;

return await SandboxRun.RunAsync(args);
