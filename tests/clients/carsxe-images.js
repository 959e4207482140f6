// Calls our server through CarsXE's own npm client. Its base URL is a prototype method; the test points it at us.
// Env: BASE_URL, KEY, PARAMS (a JSON object of /images parameters). Prints the parsed response as JSON.
const { CarsXE } = require('carsxe-api');

const client = new CarsXE(process.env.KEY);
client.getBaseUrl = () => process.env.BASE_URL;

client.images(JSON.parse(process.env.PARAMS))
  .then((response) => process.stdout.write(JSON.stringify(response)))
  .catch((error) => {
    process.stderr.write(String(error && error.stack || error));
    process.exit(1);
  });
