// The classic .NET daytime client, as the TcpClient samples write it: one connect, ONE Read into a
// 1024-byte buffer, no timeout. Like examples/naive_client.c it works against a well-behaved
// server on a quiet network, and daytime-harness check-client shows where it breaks.
//
//   mcs -out:naive_client.exe examples/NaiveClient.cs && mono naive_client.exe 127.0.0.1 13
using System;
using System.Net.Sockets;
using System.Text;

public static class NaiveClient
{
    public static int Main(string[] args)
    {
        if (args.Length != 2)
        {
            Console.Error.WriteLine("usage: naive_client.exe HOST PORT");
            return 2;
        }
        try
        {
            using (TcpClient client = new TcpClient(args[0], int.Parse(args[1])))
            {
                NetworkStream stream = client.GetStream();
                byte[] buffer = new byte[1024];
                int n = stream.Read(buffer, 0, buffer.Length); // the bug: one Read, no deadline
                Console.Write(Encoding.ASCII.GetString(buffer, 0, n));
            }
            return 0;
        }
        catch (SocketException e)
        {
            Console.Error.WriteLine("daytime: " + e.Message);
            return 1;
        }
    }
}
