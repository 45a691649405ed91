/** Where the access log pages live (2(6)). */
export const accessLogPaths = {
  list: (facilityId: string) => `/facilities/${facilityId}/access-logs`,
  source: (facilityId: string, sourceId: string) => `/facilities/${facilityId}/access-logs/${encodeURIComponent(sourceId)}`,
};
