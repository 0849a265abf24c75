namespace SynAck.Stack.Hosting;

/// <summary>A pending async call, re-tried by the stack thread after every poll.</summary>
internal interface IWaiter
{
    /// <summary>Completes the call if it can; true when done (successfully or not).</summary>
    bool TryComplete(Instant now);
}
