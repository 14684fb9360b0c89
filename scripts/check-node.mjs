// Every npm script runs this first. The toolchain needs Node >= 22.12; machines with an older
// system Node get one from the "node" devDependency, which npm puts first on PATH for scripts.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `Paragraf behöver Node 22.12 eller senare, men ${process.version} kördes. Kör "npm install" igen och starta via "npm run …".\n` +
      `Paragraf needs Node 22.12 or later, but ${process.version} ran. Run "npm install" again and start through "npm run …".`,
  );
  process.exit(1);
}
