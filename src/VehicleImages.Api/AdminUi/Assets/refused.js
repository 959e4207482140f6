// A page refused for want of a session sends the browser on to sign in at once. The page's meta refresh says the
// same, but a browser may hold a refresh until the page has finished loading, or skip it; a script does not wait.
const signIn = document.querySelector("a[data-sign-in]");
if (signIn) {
  location.replace(signIn.href);
}
