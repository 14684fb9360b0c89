// Kept in one place so app.status, the CLI and the PDF footer agree; bumped with package.json.
export const version = '0.1.0';
