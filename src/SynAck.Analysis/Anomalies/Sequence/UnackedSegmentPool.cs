namespace SynAck.Analysis.Anomalies.Sequence;

/// <summary>
/// Array-backed node pool for the per-direction unacknowledged-segment lists, so steady-state analysis allocates
/// nothing: nodes are recycled through a free list and the array only grows (doubling) at a new high-water mark.
/// </summary>
internal sealed class UnackedSegmentPool
{
    private UnackedSegment[] _nodes = new UnackedSegment[256];
    private int _free = -1;
    private int _used;

    /// <summary>Nodes handed out and not returned.</summary>
    public int Live { get; private set; }

    public ref UnackedSegment this[int index] => ref _nodes[index];

    public int Rent()
    {
        Live++;
        if (_free >= 0)
        {
            var i = _free;
            _free = _nodes[i].Next;
            return i;
        }

        if (_used == _nodes.Length)
        {
            Array.Resize(ref _nodes, _nodes.Length * 2);
        }

        return _used++;
    }

    public void Return(int index)
    {
        Live--;
        _nodes[index].Next = _free;
        _free = index;
    }

    /// <summary>Returns a whole list starting at <paramref name="head"/>.</summary>
    public void ReturnList(int head)
    {
        while (head >= 0)
        {
            var next = _nodes[head].Next;
            Return(head);
            head = next;
        }
    }
}
