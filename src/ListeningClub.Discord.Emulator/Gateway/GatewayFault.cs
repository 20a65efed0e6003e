namespace ListeningClub.Discord.Emulator.Gateway;

/// <summary>A gateway fault to inject on every open connection (control API: POST /_emulator/gateway/faults).</summary>
/// <param name="Action">drop | reconnect | invalid_session | stop_acks | close</param>
/// <param name="Resumable">For invalid_session: the op 9 <c>d</c> value.</param>
/// <param name="Code">For close: the close code (default 4000).</param>
public sealed record GatewayFault(string Action, bool Resumable = false, int? Code = null);
