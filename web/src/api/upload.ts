/**
 * Sends a file to the REST API with upload progress (fetch cannot report it; XMLHttpRequest can). Resolves
 * with the JSON answer; rejects with an ApiError carrying the server's code, as `api` does. The body is sent
 * as `contentType` (a STIX bundle is JSON; an evidence file is sent as its own type).
 */
import { API, ApiError, errorOf, requestHeaders } from './client.ts';

export function uploadFile<T>(path: string, file: File, onProgress: (sent: number, total: number) => void, contentType = 'application/json'): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API}${path}`);
    for (const [name, value] of Object.entries(requestHeaders({ 'content-type': contentType }))) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onerror = () => reject(new ApiError(0, 'http.network', 'the upload failed'));
    xhr.onload = () => {
      const response = new Response(xhr.responseText, { status: xhr.status, headers: { 'content-type': xhr.getResponseHeader('content-type') ?? '' } });
      if (xhr.status >= 200 && xhr.status < 300) response.json().then((body) => resolve(body as T), reject);
      else errorOf(response).then(reject, reject);
    };
    xhr.send(file);
  });
}
