package org.pilotlifecycle.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** POST /api/pilots/{key}/evidence as multipart/form-data (taskId and file), as Tasklist's Evidence tab and curl -F send it. */
public final class EvidenceUpload {

  private EvidenceUpload() {
  }

  public static Http.Response upload(Http http, String key, String user, String taskId, String fileName, byte[] content) {
    String boundary = "----pilot" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try {
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"taskId\"\r\n\r\n" + taskId + "\r\n")
          .getBytes(StandardCharsets.UTF_8));
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
          + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.write(content);
      body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return http.send(http.request("/api/pilots/" + key + "/evidence", user)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }
}
