// The JVM's own verdict, independent of siem-doctor's probe: one HTTPS GET with HttpsURLConnection,
// as a Java client does it by default. Prints "OK <protocol>" or "FAIL <exception chain>".
import java.net.URL;
import javax.net.ssl.HttpsURLConnection;

public final class JavaJudge {
  public static void main(String[] args) {
    try {
      HttpsURLConnection connection = (HttpsURLConnection) new URL(args[0]).openConnection();
      connection.setConnectTimeout(5000);
      connection.setReadTimeout(5000);
      connection.connect();
      String suite = connection.getCipherSuite();
      connection.getResponseCode();
      System.out.println("OK " + suite);
    } catch (Throwable e) {
      StringBuilder chain = new StringBuilder();
      for (Throwable t = e; t != null; t = t.getCause()) chain.append(" | ").append(t);
      System.out.println("FAIL" + chain);
    }
  }
}
