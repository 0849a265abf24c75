namespace SynAck.Analysis.Tests.Labeled;

/// <summary>One row of a make-labeled.sh labels file.</summary>
internal sealed record LabelRow(
    string Scenario, string ClientIp, int ClientPort, string ServerIp, int ServerPort, string Closer, string ConnState,
    string ClientFinal, string ServerFinal, decimal TStart)
{
    public static List<LabelRow> Load(string path)
    {
        var rows = new List<LabelRow>();
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split('\t');
        int Col(string name) => Array.IndexOf(header, name);
        foreach (var line in lines.Skip(1))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var f = line.Split('\t');
            rows.Add(new LabelRow(
                f[Col("scenario")], f[Col("client_ip")], int.Parse(f[Col("client_port")], System.Globalization.CultureInfo.InvariantCulture),
                f[Col("server_ip")], int.Parse(f[Col("server_port")], System.Globalization.CultureInfo.InvariantCulture),
                f[Col("closer")], f[Col("conn_state")], f[Col("client_final_state")], f[Col("server_final_state")],
                decimal.Parse(f[Col("t_start")], System.Globalization.CultureInfo.InvariantCulture)));
        }

        return rows;
    }
}
