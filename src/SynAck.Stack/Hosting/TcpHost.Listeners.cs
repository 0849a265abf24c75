using SynAck.Stack.Tcp;

namespace SynAck.Stack.Hosting;

public sealed partial class TcpHost
{
    /// <summary>Closes a listener (stack thread only).</summary>
    internal void CloseListener(Listener listener) => _stack.CloseListener(listener);
}
