import type { ExternalPreviewRequest, ExternalPreviewResponse } from '../../contract/index.ts';

/** The backend's preview of an external-cost file (`POST /api/imports/external/preview`). */
export interface ImportPreviewPort {
  previewExternal(request: ExternalPreviewRequest): Promise<ExternalPreviewResponse>;
}
